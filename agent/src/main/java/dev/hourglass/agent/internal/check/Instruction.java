package dev.hourglass.agent.internal.check;

/**
 * One instruction of a method body that the walk follows: a method call, a method handle that a lambda or a
 * method reference is made of, or the creation of an object.
 *
 * @param kind what the instruction does
 * @param opcode for a call and a handle, the invoke opcode it amounts to ({@code INVOKESTATIC}, ...); for a
 *     handle of a constructor ({@code Foo::new}), {@code INVOKESPECIAL}; for a static field, {@code GETSTATIC} or
 *     {@code PUTSTATIC}; 0 for {@link Kind#NEW}
 * @param owner the internal name of the class the instruction names
 * @param name the method or field name; {@code null} for {@link Kind#NEW}
 * @param descriptor the method or field descriptor; {@code null} for {@link Kind#NEW}
 * @param line the source line, or -1 when the class file has no line numbers
 * @param exempt for a handle, whether the lambda or method reference is the supplier of a
 *     {@code Workflow.sideEffect} call, whose code may be nondeterministic
 */
record Instruction(Kind kind, int opcode, String owner, String name, String descriptor, int line, boolean exempt) {

    enum Kind {
        /** An invoke instruction. */
        CALL,
        /** A method handle argument of an {@code invokedynamic}: the code of a lambda or a method reference. */
        HANDLE,
        /** A {@code NEW}. */
        NEW,
        /** A {@code GETSTATIC} or {@code PUTSTATIC}, which initialises the field's class. */
        STATIC_FIELD
    }

    Instruction exempted() {
        return new Instruction(kind, opcode, owner, name, descriptor, line, true);
    }
}
