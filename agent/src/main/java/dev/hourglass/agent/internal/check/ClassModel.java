package dev.hourglass.agent.internal.check;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A class as the walk sees it, read from its class file.
 *
 * @param name the internal name
 * @param superName the internal name of the superclass; {@code null} for {@code java/lang/Object}
 * @param interfaces the internal names of the interfaces it names, in declaration order
 * @param access the access flags
 * @param sourceFile the name of the source file, or {@code null} when the class file does not say
 * @param activityInterface whether it carries {@code @ActivityInterface}
 * @param inScope whether the walk looks into its code ({@code ClassScope})
 * @param methods its methods by {@link MethodModel#key()}, in declaration order
 */
record ClassModel(String name, String superName, List<String> interfaces, int access, String sourceFile,
        boolean activityInterface, boolean inScope, Map<String, MethodModel> methods) {

    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    boolean isFinal() {
        return (access & Opcodes.ACC_FINAL) != 0;
    }

    /** The method with this name and descriptor that the class declares, or {@code null}. */
    MethodModel method(String key) {
        return methods.get(key);
    }

    Collection<MethodModel> declaredMethods() {
        return methods.values();
    }
}
