package dev.hourglass.internal.common;

import dev.hourglass.common.PayloadCodec;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.apiguardian.api.API;

/**
 * Creates payload codecs named by class on a command line ({@code --codec CLASS} of the {@code hourglass} CLI and of
 * the replay gate's): a public, concrete class that implements {@link PayloadCodec} with a public no-argument
 * constructor, which gets its key itself.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PayloadCodecClasses {

    private PayloadCodecClasses() {
    }

    /**
     * Creates an instance of the codec class {@code name}, loaded (and initialised) through {@code loader}.
     *
     * @throws IllegalArgumentException if there is no such class (its cause a {@link ClassNotFoundException} or
     *     {@link LinkageError}), or it is no public concrete {@code PayloadCodec} with a public no-argument constructor
     * @throws IllegalStateException if its constructor throws; the cause is what it threw
     */
    public static PayloadCodec instantiate(String name, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("no such class on the class path", e);
        }
        if (!PayloadCodec.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("the class does not implement " + PayloadCodec.class.getName()
                    + "; name a class that does");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            constructor = null;
        }
        int modifiers = type.getModifiers();
        if (constructor == null || !Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers)) {
            throw new IllegalArgumentException("the class needs to be public and concrete, with a public"
                    + " no-argument constructor; give it one that loads its key itself");
        }
        try {
            return (PayloadCodec) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("its constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create it: " + e, e);
        }
    }
}
