package dev.hourglass.agent.internal.check;

import dev.hourglass.agent.internal.ClassScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The class files of one class loader, read on demand as resources ({@code com/acme/OrderImpl.class}) and never
 * loaded as classes, with the questions the walk asks of them: supertypes and method resolution.
 *
 * <p>Not thread-safe: one walk uses it at a time.
 */
final class ClassRepository {

    private final ClassLoader loader;
    /** Read classes by internal name; an empty value for a class whose file could not be read. */
    private final Map<String, Optional<ClassModel>> classes = new HashMap<>();
    private final Map<String, Set<String>> supertypes = new HashMap<>();
    /** Classes in scope whose class file could not be read, in name order. */
    private final Set<String> unreadable = new TreeSet<>();

    ClassRepository(ClassLoader loader) {
        this.loader = loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    /** Whether the walk looks into the code of this class: in scope, and not an array type. */
    static boolean isInScope(String internalName) {
        return !internalName.startsWith("[") && ClassScope.isInScope(internalName);
    }

    /** The class with this internal name, or {@code null} if its class file cannot be read. */
    ClassModel get(String internalName) {
        Optional<ClassModel> known = classes.get(internalName);
        if (known == null) {
            known = Optional.ofNullable(read(internalName));
            classes.put(internalName, known);
        }
        return known.orElse(null);
    }

    /** The classes in scope whose class files could not be read so far, in name order. */
    Set<String> unreadable() {
        return Collections.unmodifiableSet(unreadable);
    }

    private ClassModel read(String internalName) {
        if (internalName.startsWith("[")) {
            return null;
        }
        boolean inScope = isInScope(internalName);
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            if (in != null) {
                return ClassFileParser.parse(in.readAllBytes(), inScope);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + internalName.replace('/', '.'), e);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // a class file of a version the reader does not know, or a malformed one: reported as not checked
        }
        if (inScope) {
            unreadable.add(internalName.replace('/', '.'));
        }
        return null;
    }

    /**
     * Every supertype of a class, itself first, then superclasses and interfaces breadth first, each once; only
     * the types whose class files could be read contribute their own supertypes.
     */
    Set<String> supertypes(String internalName) {
        Set<String> known = supertypes.get(internalName);
        if (known != null) {
            return known;
        }
        Set<String> all = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(internalName);
        while (!pending.isEmpty()) {
            String type = pending.removeFirst();
            if (!all.add(type)) {
                continue;
            }
            ClassModel model = get(type);
            if (model != null) {
                if (model.superName() != null) {
                    pending.add(model.superName());
                }
                pending.addAll(model.interfaces());
            }
        }
        Set<String> result = Collections.unmodifiableSet(all);
        supertypes.put(internalName, result);
        return result;
    }

    boolean isSubtype(String type, String supertype) {
        return type.equals(supertype) || supertypes(type).contains(supertype);
    }

    /** Whether this interface, or one it extends, carries {@code @ActivityInterface}. */
    boolean isActivityInterface(String internalName) {
        ClassModel model = get(internalName);
        if (model == null || !model.isInterface()) {
            return false;
        }
        for (String type : supertypes(internalName)) {
            ClassModel supertype = get(type);
            if (supertype != null && supertype.activityInterface()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The method that a call of {@code key} runs on an object whose class is {@code type}, found the way the JVM
     * selects it: the first declaration up the superclass chain, else a default method of an interface.
     *
     * @return the method declared by a class in scope; {@link Resolution#OUT_OF_SCOPE} when the method the call
     *     runs is declared out of scope (in the JDK, say); {@link Resolution#NONE} when no concrete method is found
     *     (abstract, or a class file missing)
     */
    Resolution resolve(String type, String key) {
        for (String current = type; current != null; ) {
            ClassModel model = get(current);
            if (model == null) {
                return Resolution.NONE;
            }
            MethodModel method = model.method(key);
            if (method != null && !method.isStatic()) {
                // an abstract declaration up the chain is what the JVM selects too: no method to walk
                return method.isAbstract() ? Resolution.NONE : Resolution.of(model, method);
            }
            current = model.superName();
        }
        return interfaceDefault(type, key);
    }

    private Resolution interfaceDefault(String type, String key) {
        for (String supertype : supertypes(type)) {
            ClassModel model = get(supertype);
            if (model != null && model.isInterface()) {
                MethodModel method = model.method(key);
                if (method != null && !method.isStatic() && !method.isAbstract()) {
                    return Resolution.of(model, method);
                }
            }
        }
        return Resolution.NONE;
    }

    /**
     * The static method {@code key} that a call naming {@code owner} runs: declared by the owner or inherited from a
     * superclass.
     */
    Resolution resolveStatic(String owner, String key) {
        for (String current = owner; current != null; ) {
            ClassModel model = get(current);
            if (model == null) {
                return Resolution.NONE;
            }
            MethodModel method = model.method(key);
            if (method != null) {
                return Resolution.of(model, method);
            }
            current = model.superName();
        }
        return Resolution.NONE;
    }

    /** The method a call runs, or why there is none to walk. */
    record Resolution(ClassModel declaringClass, MethodModel method, boolean outOfScope) {
        static final Resolution NONE = new Resolution(null, null, false);
        static final Resolution OUT_OF_SCOPE = new Resolution(null, null, true);

        static Resolution of(ClassModel declaringClass, MethodModel method) {
            return declaringClass.inScope() ? new Resolution(declaringClass, method, false) : OUT_OF_SCOPE;
        }

        /** Whether a method in scope was found. */
        boolean found() {
            return method != null;
        }
    }

    /** The internal names of the supertypes of {@code type} that are out of scope, in {@link #supertypes} order. */
    List<String> supertypesOutOfScope(String type) {
        return supertypes(type).stream().filter(name -> !isInScope(name)).toList();
    }
}
