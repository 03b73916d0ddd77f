package dev.hourglass.agent.internal;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the call sites of forbidden calls in the classes in scope ({@link ClassScope}): before each one it
 * inserts a call to {@link Checks}, and the original call then proceeds unchanged. A method reference to a
 * forbidden call gets a bootstrap method of {@link CheckedLambdas} instead, which checks the function when it is
 * invoked.
 *
 * <p>Only the code of methods changes, never their number or signatures, so the same rewriting serves classes as
 * they load and classes already loaded (retransformed). A class whose constant pool names no method the catalog
 * may match is left alone without reading its code; a class that fails to rewrite is left as it was, with a
 * warning, rather than failing to load.
 */
public final class CallSiteRewriter implements ClassFileTransformer {

    private static final Logger log = LoggerFactory.getLogger(CallSiteRewriter.class);

    /** Whether each class loader sees this agent's {@link Checks}, without which rewritten code could not link. */
    private final Map<ClassLoader, Boolean> loaders = new WeakHashMap<>();

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || !ClassScope.isInScope(className) || !seesChecks(loader)) {
            return null;
        }
        try {
            return rewrite(classfileBuffer);
        } catch (RuntimeException | LinkageError e) {
            log.warn("the determinism agent left {} as it was: its calls are not checked ({})",
                    className.replace('/', '.'), e.toString());
            return null;
        }
    }

    /**
     * Rewrites one class file.
     *
     * @return the new class file, or {@code null} if the class makes no call the catalog may match
     */
    public static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if (!ConstantPoolScan.mayCallForbidden(reader)) {
            return null;
        }
        int[] maxLocals = MaxLocals.of(reader);
        ClassWriter writer = new ClassWriter(reader, 0);
        Rewriting rewriting = new Rewriting(writer, maxLocals);
        reader.accept(rewriting, 0);
        return rewriting.changed ? writer.toByteArray() : null;
    }

    private boolean seesChecks(ClassLoader loader) {
        synchronized (loaders) {
            Boolean sees = loaders.get(loader);
            if (sees == null) {
                try {
                    sees = Class.forName(Checks.class.getName(), false, loader) == Checks.class;
                } catch (ClassNotFoundException | LinkageError e) {
                    sees = false;
                }
                loaders.put(loader, sees);
            }
            return sees;
        }
    }

    /** Hands each method with code to a {@link CheckingMethodVisitor}. */
    private static final class Rewriting extends ClassVisitor {
        private final int[] maxLocals;
        private String className;
        private String sourceFile;
        private int methodIndex = -1;
        boolean changed;

        Rewriting(ClassVisitor writer, int[] maxLocals) {
            super(Opcodes.ASM9, writer);
            this.maxLocals = maxLocals;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.className = name;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public void visitSource(String source, String debug) {
            this.sourceFile = source;
            super.visitSource(source, debug);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            methodIndex++;
            MethodVisitor writer = super.visitMethod(access, name, descriptor, signature, exceptions);
            if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                return writer;
            }
            String where = className.replace('/', '.') + "." + name;
            return new CheckingMethodVisitor(writer, where, sourceFile, maxLocals[methodIndex], () -> changed = true);
        }
    }

    /** The max locals of each method, in the order the reader visits them (0 for a method without code). */
    private static final class MaxLocals extends ClassVisitor {
        private int[] values = new int[16];
        private int count;

        private MaxLocals() {
            super(Opcodes.ASM9);
        }

        static int[] of(ClassReader reader) {
            MaxLocals sizes = new MaxLocals();
            reader.accept(sizes, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return sizes.values;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            int method = count++;
            if (method == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMaxs(int maxStack, int maxLocals) {
                    values[method] = maxLocals;
                }
            };
        }
    }
}
