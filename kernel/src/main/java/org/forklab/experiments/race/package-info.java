/**
 * The shared-counter race: W workers each add N to one counter, as threads that share it (with
 * and without a fix) and as processes that each get their own copy. Lost updates are kept per
 * trial, the cost of each fix per increment as samples, and the optimiser's part is shown
 * rather than hidden (plain versus volatile fields, the interpreter, gcc -O2).
 */
package org.forklab.experiments.race;
