/**
 * Charts of measured samples on JFreeChart, one look for all of them ({@link
 * org.forklab.charts.ChartTheme}), and the renderer that turns a chart into PNG (2× for
 * sharp notebook display) and SVG ({@link org.forklab.charts.ChartImages}). Inputs are plain
 * data: samples with labels and a {@link org.forklab.charts.Quantity} naming what was measured.
 */
package org.forklab.charts;
