package dev.hourglass.agent.internal.check;

import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A method as the walk sees it.
 *
 * @param owner the internal name of the declaring class
 * @param name the method name ({@code <init>} for a constructor)
 * @param descriptor the method descriptor
 * @param access the access flags
 * @param suppressionReason the {@code reason} of its {@code @SuppressDeterminismCheck}, or {@code null} when the
 *     method does not carry the annotation
 * @param firstLine the first source line of its body, or -1
 * @param instructions the calls, handles and creations of its body in bytecode order; empty for a class out of
 *     scope, whose code is not read
 */
record MethodModel(String owner, String name, String descriptor, int access, String suppressionReason, int firstLine,
        List<Instruction> instructions) {

    /** The key of a method within its class: name and descriptor. */
    static String key(String name, String descriptor) {
        return name + descriptor;
    }

    String key() {
        return key(name, descriptor);
    }

    boolean isStatic() {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    boolean isAbstract() {
        return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0;
    }

    boolean isPrivate() {
        return (access & Opcodes.ACC_PRIVATE) != 0;
    }

    /** Whether the compiler made it: a lambda body, a bridge, an accessor. */
    boolean isSynthetic() {
        return (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0;
    }

    /** Whether it is a bridge the compiler made, which only calls the method it stands for. */
    boolean isBridge() {
        return (access & Opcodes.ACC_BRIDGE) != 0;
    }

    /** Whether a person can put an annotation on it: not made by the compiler, not a static initialiser. */
    boolean isAnnotatable() {
        return !isSynthetic() && !name.equals("<clinit>");
    }

    boolean isInitializer() {
        return name.equals("<init>") || name.equals("<clinit>");
    }

    /** Whether a subclass or an implementation can override it. */
    boolean isOverridable() {
        return !isStatic() && !isPrivate() && !isInitializer() && (access & Opcodes.ACC_FINAL) == 0;
    }

    boolean isSuppressed() {
        return suppressionReason != null;
    }
}
