package org.forklab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.JupyterIO;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;

import org.forklab.kernel.Display;
import org.forklab.kernel.ErrorReport;
import org.forklab.kernel.output.CellOutput;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * basekernel's execute_request handling, step for step, except for errors: basekernel names an
 * error after the Java class that carried it (so every runtime error was "RuntimeFailure") and
 * puts the kernel's own stack in the reply. Here both the error message and the reply carry the
 * {@link ErrorReport}: the real exception's name and only the lines meant for the student.
 */
public final class ExecuteRequestHandler implements ShellHandler<ExecuteRequest> {
    private static final Method SET_ENV = jupyterIoMethod("setEnv", ShellReplyEnvironment.class);
    private static final Method RETRACT_ENV = jupyterIoMethod("retractEnv", ShellReplyEnvironment.class);
    private static final Method SET_STDIN_ENABLED = jupyterIoMethod("setJupyterInEnabled", boolean.class);

    private final BaseKernel kernel;
    private final AtomicInteger executionCount;

    public ExecuteRequestHandler(BaseKernel kernel, AtomicInteger executionCount) {
        this.kernel = kernel;
        this.executionCount = executionCount;
    }

    @Override
    public void handle(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        synchronized (kernel) { // as basekernel: one cell at a time
            kernel.getCommManager().setMessageContext(message);
            ExecuteRequest request = message.getContent();
            int count = executionCount.getAndIncrement();
            env.setBusyDeferIdle();
            env.publish(new PublishExecuteInput(request.getCode(), count));
            JupyterIO io = kernel.getIO();
            CellOutput output = kernel.shouldReplaceStdStreams() ? replaceStdStreams(env, io, count) : null;
            call(SET_ENV, io, env);
            env.defer(() -> call(RETRACT_ENV, io, env));
            Display.cellRunning(env);
            env.defer(() -> Display.cellRunning(null));
            call(SET_STDIN_ENABLED, io, request.isStdinEnabled());
            try {
                DisplayData shown;
                try {
                    shown = kernel.eval(request.getCode());
                } finally {
                    if (output != null) {
                        output.finish(); // all the text before the result, the error or the reply
                    }
                }
                if (shown != null) {
                    env.publish(new PublishExecuteResult(count, shown));
                }
                env.defer().reply(new ExecuteReply(count, Map.of()));
            } catch (Throwable e) {
                // Not only Exception: an Error (a compiler's StackOverflowError, a value whose
                // toString throws, an OutOfMemoryError) would end the shell thread, and with it
                // the kernel, while its JVM lived on.
                ErrorReport report = ErrorReport.of(e);
                env.publish(new PublishError(report.name, report.message, report.lines));
                ErrorReply reply = new ErrorReply(report.name, report.message, report.lines);
                reply.setExecutionCount(count);
                env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
            }
        }
    }

    /** Where output past a cell's shown limit goes; one directory per kernel process. */
    static final Path OUTPUT_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"),
            "forklab-output-" + ProcessHandle.current().pid());

    private static CellOutput replaceStdStreams(ShellReplyEnvironment env, JupyterIO io, int count) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        CellOutput output = new CellOutput(env::writeToStdOut, env::writeToStdErr, OUTPUT_DIRECTORY, count);
        System.setOut(output.stdout);
        System.setErr(output.stderr);
        System.setIn(io.in);
        env.defer(() -> {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        });
        return output;
    }

    /** JupyterIO wires its streams to a request through protected methods meant for BaseKernel. */
    private static Method jupyterIoMethod(String name, Class<?> parameter) {
        try {
            Method method = JupyterIO.class.getDeclaredMethod(name, parameter);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("basekernel without JupyterIO." + name + ": not version 2.3.0?", e);
        }
    }

    private static void call(Method method, JupyterIO io, Object argument) {
        try {
            method.invoke(io, argument);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        }
    }
}
