/**
 * Where forklab patches basekernel's Jupyter protocol behaviour, each for a reason a test shows;
 * everything else about the protocol is basekernel's own. When basekernel fixes one of these,
 * the patch goes.
 *
 * <ul>
 *   <li>{@link org.forklab.kernel.protocol.ExecuteRequestHandler}: basekernel's execute_request
 *       step for step, except errors. basekernel names every error after the Java class that
 *       carried it ("RuntimeFailure") and puts the kernel's own stack in the reply; this one sends
 *       the real exception's name and only the lines meant for the student. It also catches
 *       {@code Error}s, which would otherwise end the shell thread while the JVM lives on.</li>
 *   <li>{@link org.forklab.kernel.protocol.KernelInfoReplyWithStatus} and
 *       {@link org.forklab.kernel.protocol.HistoryReplyWithStatus} (sent by
 *       {@link org.forklab.kernel.protocol.HistoryRequestHandler}, basekernel's handler otherwise
 *       step for step): basekernel's replies omit the
 *       {@code status} field the message spec requires (jupyter_kernel_test checks it), and its
 *       history entries are not shaped as the spec's lists when sent from outside basekernel.</li>
 *   <li>{@link org.forklab.kernel.protocol.PromptConnection} and
 *       {@link org.forklab.kernel.protocol.PromptShellChannel}: basekernel's shell loop polls and
 *       sleeps 50 ms, adding up to 50 ms to every request; this loop blocks in a receive. It also
 *       ignores a signed request seen before ({@link org.forklab.kernel.protocol.SeenSignatures}),
 *       so a captured message cannot run twice.</li>
 * </ul>
 */
package org.forklab.kernel.protocol;
