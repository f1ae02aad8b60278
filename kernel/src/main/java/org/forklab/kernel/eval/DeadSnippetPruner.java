package org.forklab.kernel.eval;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lets JShell forget the snippets no later snippet can reach: statements and expressions that have
 * run, and declarations overwritten or dropped. JShell keeps every snippet of the session in its
 * tables, each with its source, wrappers and diagnostics, and on every compile it copies the whole
 * list. The soak's cells redeclare 50 names, so after 1,000 cells all but about a hundred of their
 * 5,000 snippets are of this kind.
 *
 * <p>What stays: every active declaration, and the last snippet of each declared name even when
 * dropped or overwritten (JShell looks a name's previous snippet up when it is declared again). What
 * goes: a forgotten snippet's entry in the session's list, its slot by key (statements and
 * expressions have keys of their own, never used again) and its class wrapper by class name, with
 * the wrappers JShell superseded when it compiled a snippet again under another class name. Its
 * class stays loaded, and JShell's record of loaded classes stays whole: JShell reads it to give a
 * redeclared name's class a name not used before (without it, a name declared again after a drop
 * reran the class of its first declaration). A stack trace through such a class (a lambda a statement
 * stored away, called later) then names the class instead of the snippet; {@link ErrorFormat} shows
 * it as an earlier cell.
 *
 * <p>Like {@link WrapperSlimmer} this reaches into jdk.jshell's package-private tables (the same in
 * JDK 17 and 25), opened by the kernel jar's manifest; where they are closed or laid out otherwise,
 * {@link #forShell} gives null and JShell keeps everything, as it does by itself.
 */
final class DeadSnippetPruner {
    private final JShell shell;
    private final Set<Snippet> session;
    private final List<Snippet> byKeyIndex;
    private final Map<String, ?> wrappersByClass;
    private final Field snippetOuter;
    private final Field wrapToSnippet;

    @SuppressWarnings("unchecked")
    private DeadSnippetPruner(JShell shell) throws ReflectiveOperationException {
        this.shell = shell;
        ClassLoader jshell = JShell.class.getClassLoader();
        Object maps = open(JShell.class.getDeclaredField("maps")).get(shell);
        Class<?> mapsType = Class.forName("jdk.jshell.SnippetMaps", false, jshell);
        session = (Set<Snippet>) open(mapsType.getDeclaredField("snippets")).get(maps);
        byKeyIndex = (List<Snippet>) open(mapsType.getDeclaredField("keyIndexToSnippet")).get(maps);
        Object outerMap = open(JShell.class.getDeclaredField("outerMap")).get(shell);
        wrappersByClass = (Map<String, ?>) open(Class.forName("jdk.jshell.OuterWrapMap", false, jshell)
                .getDeclaredField("classOuters")).get(outerMap);
        snippetOuter = open(Snippet.class.getDeclaredField("outer"));
        Class<?> classWrap = Class.forName("jdk.jshell.OuterSnippetsClassWrap", false, jshell);
        wrapToSnippet = open(classWrap.getDeclaredField("wrapToSnippet"));
    }

    private static Field open(Field field) {
        field.setAccessible(true);
        return field;
    }

    /** A pruner for {@code shell}, or null where jdk.jshell is closed to the kernel or laid out otherwise. */
    static DeadSnippetPruner forShell(JShell shell) {
        try {
            return new DeadSnippetPruner(shell);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError closedOrDifferent) {
            return null;
        }
    }

    /**
     * Forgets the snippets no later one can reach, and the class wrappers no snippet has any more.
     * Call it between evals only: during one, JShell walks these tables. Returns how many snippets
     * were forgotten.
     */
    int prune() {
        int forgotten = 0;
        for (Snippet snippet : new ArrayList<>(session)) {
            if (unreachable(snippet)) {
                session.remove(snippet);
                if (!snippet.kind().isPersistent()) {
                    forgetSlotOf(snippet); // a statement's key is never used again
                }
                forgotten++;
            }
        }
        // JShell compiles a snippet more than once (a trial, then under a new class name when the
        // old one is taken) and keeps every wrapper by its class name, the superseded ones too.
        wrappersByClass.values().removeIf(this::nobodysWrapper);
        return forgotten;
    }

    /** Whether no snippet that can still run has {@code outer} as its wrapper. */
    private boolean nobodysWrapper(Object outer) {
        try {
            for (Object snippet : ((Map<?, ?>) wrapToSnippet.get(outer)).values()) {
                Snippet owner = (Snippet) snippet;
                if (!unreachable(owner) && snippetOuter.get(owner) == outer) {
                    return false;
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false; // kept, as JShell keeps it
        }
    }

    /** The slot is the key's index, which JShell does not publish; recent snippets sit at the end. */
    private void forgetSlotOf(Snippet snippet) {
        for (int i = byKeyIndex.size() - 1; i >= 0; i--) {
            if (byKeyIndex.get(i) == snippet) {
                byKeyIndex.set(i, null);
                return;
            }
        }
    }

    private boolean unreachable(Snippet snippet) {
        Snippet.Status status;
        try {
            status = shell.status(snippet);
        } catch (RuntimeException notInstalled) {
            return false;
        }
        switch (status) {
            case OVERWRITTEN:
            case DROPPED:
            case REJECTED:
                return true;
            case VALID:
                return !snippet.kind().isPersistent();
            default:
                return false; // waiting for a declaration (RECOVERABLE_*): JShell may compile it again
        }
    }
}
