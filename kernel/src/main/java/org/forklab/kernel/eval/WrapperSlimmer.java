package org.forklab.kernel.eval;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives back most of what JShell keeps of a snippet once it has been compiled and run.
 *
 * <p>JShell keeps, for the whole session, the source of the class it wrapped each snippet in. That
 * source starts with one import line for every declaration active when the snippet was compiled,
 * so with a hundred variables it is about 4 KB, and it is held twice (the header on its own and
 * the joined text). Over a session that is most of the heap JShell grows by: with the soak's cells
 * (five snippets each) about half of its 20 KB per snippet. Once the snippet has been compiled,
 * JShell reads that text for one thing only, to map the line numbers of a stack trace through the
 * class back to the snippet, and that needs only where lines break. A recompiled snippet (a
 * dependency changed) gets a new wrapper. So the header is replaced by as many line breaks, one
 * shared string per count.
 *
 * <p>The fields are package-private in {@code jdk.jshell} (the same in JDK 17 and 25), which the
 * kernel jar's manifest opens to it ({@code Add-Opens: jdk.jshell/jdk.jshell}). Where the package
 * is not open (a jar started some other way) or a JDK names things differently, {@link #usable()}
 * is false and nothing is changed.
 */
final class WrapperSlimmer {
    /** Strings shorter than this are left as they are: the saving would not pay for the work. */
    private static final int WORTH_SLIMMING = 256;

    private final Map<Integer, String> lineBreaks = new HashMap<>();
    private final Field snippetOuter;
    private final Field outerWrap;
    private final Field parts;
    private final Field wrapToSnippet;
    private final Field className;
    private final Field classOuters;
    private final Class<?> classWrapType;
    private final Class<?> compoundType;
    private final Constructor<?> newCompound;
    private final Constructor<?> newClassWrap;
    private final Map<?, ?> outersByClass;

    private WrapperSlimmer(JShell shell) throws ReflectiveOperationException {
        ClassLoader jshell = JShell.class.getClassLoader();
        Class<?> outerType = Class.forName("jdk.jshell.OuterWrap", false, jshell);
        classWrapType = Class.forName("jdk.jshell.OuterSnippetsClassWrap", false, jshell);
        compoundType = Class.forName("jdk.jshell.Wrap$CompoundWrap", false, jshell);
        Class<?> outerMapType = Class.forName("jdk.jshell.OuterWrapMap", false, jshell);
        snippetOuter = open(Snippet.class.getDeclaredField("outer"));
        outerWrap = open(outerType.getDeclaredField("w"));
        parts = open(compoundType.getDeclaredField("os"));
        wrapToSnippet = open(classWrapType.getDeclaredField("wrapToSnippet"));
        className = open(classWrapType.getDeclaredField("className"));
        classOuters = open(outerMapType.getDeclaredField("classOuters"));
        newCompound = compoundType.getDeclaredConstructor(Object[].class);
        newCompound.setAccessible(true);
        Class<?> wrapType = Class.forName("jdk.jshell.Wrap", false, jshell);
        newClassWrap = classWrapType.getDeclaredConstructor(String.class, compoundType, List.class, List.class);
        newClassWrap.setAccessible(true);
        Object outerMap = open(JShell.class.getDeclaredField("outerMap")).get(shell);
        outersByClass = (Map<?, ?>) classOuters.get(outerMap);
        if (!wrapType.isAssignableFrom(compoundType)) {
            throw new NoSuchFieldException("CompoundWrap is not a Wrap");
        }
    }

    private static Field open(Field field) {
        field.setAccessible(true);
        return field;
    }

    /** A slimmer for {@code shell}, or null where jdk.jshell is closed to the kernel or laid out otherwise. */
    static WrapperSlimmer forShell(JShell shell) {
        try {
            return new WrapperSlimmer(shell);
        } catch (ReflectiveOperationException | RuntimeException closedOrDifferent) {
            return null;
        }
    }

    /**
     * Replaces the long text in {@code snippet}'s class wrapper by its line breaks. Call it only
     * after the eval that compiled the snippet has returned: during one, JShell still compiles
     * from that text. Returns the characters given back (0 if there was nothing to slim).
     */
    @SuppressWarnings("unchecked")
    long slim(Snippet snippet) {
        try {
            Object outer = snippetOuter.get(snippet);
            if (!classWrapType.isInstance(outer)) {
                return 0; // imports, rejected snippets and trial wrappers: nothing kept at length
            }
            Object compound = outerWrap.get(outer);
            if (!compoundType.isInstance(compound)) {
                return 0;
            }
            Object[] old = (Object[]) parts.get(compound);
            Object[] slim = old.clone();
            long saved = 0;
            for (int i = 0; i < slim.length; i++) {
                if (slim[i] instanceof String && ((String) slim[i]).length() >= WORTH_SLIMMING) {
                    String text = (String) slim[i];
                    String breaks = lineBreaks(text);
                    saved += 2L * (text.length() - breaks.length()); // the part and its copy in the joined text
                    slim[i] = breaks;
                }
            }
            if (saved == 0) {
                return 0;
            }
            LinkedHashMap<Object, Snippet> bySnippet = (LinkedHashMap<Object, Snippet>) wrapToSnippet.get(outer);
            Object replacement = newClassWrap.newInstance(className.get(outer), newCompound.newInstance((Object) slim),
                    new ArrayList<>(bySnippet.values()), new ArrayList<>(bySnippet.keySet()));
            for (Snippet sharing : bySnippet.values()) {
                if (snippetOuter.get(sharing) == outer) {
                    snippetOuter.set(sharing, replacement);
                }
            }
            // The class loaded under that name is the one compiled last, from this wrapper.
            ((Map<Object, Object>) outersByClass).put(className.get(outer), replacement);
            return saved;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0; // left as JShell made it: costs memory, changes nothing else
        }
    }

    /**
     * As many line breaks as {@code text} has, after one space: JShell counts a line break only
     * past the string's first character, and every header it writes starts with "package".
     */
    private String lineBreaks(String text) {
        int count = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return lineBreaks.computeIfAbsent(count, n -> " " + "\n".repeat(n));
    }
}
