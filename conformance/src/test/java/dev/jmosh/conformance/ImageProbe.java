package dev.jmosh.conformance;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Run by the image's own {@code java} (from the class path, knowing no jmosh type at compile
 * time), prints what {@link ImageModulesTest} checks, one fact a line:
 * <pre>
 * module NAME explicit|automatic       every module linked into the image
 * provider SPI IMPLEMENTATION          each provider ServiceLoader instantiates in the boot layer
 * app ROOT MODULE                      each module of ROOT's graph, resolved with services bound
 * lines MODULE yes|no                  whether a stack trace through the module's code has line numbers
 * </pre>
 */
public final class ImageProbe {
    static final List<String> SPIS = List.of("dev.jmosh.ssp.spi.CipherProvider", "dev.jmosh.ssp.spi.TransportProvider",
            "dev.jmosh.ssp.spi.StateTypeProvider", "dev.jmosh.ssp.spi.PredictorProvider");
    static final List<String> APPS = List.of("dev.jmosh.cli", "dev.jmosh.server", "dev.jmosh.vt");
    /** Modules whose code {@link #throwIn} runs: the JDK's and jmosh's (Bouncy Castle ships without line numbers). */
    static final List<String> SAMPLED = List.of("java.base", "dev.jmosh.vt");

    private ImageProbe() {
    }

    /** Prints the facts. */
    public static void main(String[] args) throws ReflectiveOperationException {
        for (ModuleDescriptor d : new TreeSet<>(ModuleFinder.ofSystem().findAll().stream()
                .map(r -> r.descriptor()).toList())) {
            System.out.println("module " + d.name() + " " + (d.isAutomatic() ? "automatic" : "explicit"));
        }
        for (String spi : SPIS) {
            Class<?> type = Class.forName(spi, false, ClassLoader.getSystemClassLoader());
            for (Object provider : ServiceLoader.load(ModuleLayer.boot(), type)) {
                System.out.println("provider " + spi + " " + provider.getClass().getName());
            }
        }
        for (String app : APPS) {
            Configuration cf = Configuration.empty().resolveAndBind(ModuleFinder.ofSystem(), ModuleFinder.of(), Set.of(app));
            for (String m : new TreeSet<>(cf.modules().stream().map(ResolvedModule::name).toList())) {
                System.out.println("app " + app + " " + m);
            }
        }
        for (String module : SAMPLED) {
            Throwable t = throwIn(module);
            boolean lines = false;
            boolean seen = false;
            for (StackTraceElement frame : t.getStackTrace()) {
                if (module.equals(frame.getModuleName())) {
                    seen = true;
                    lines |= frame.getLineNumber() >= 0;
                }
            }
            if (!seen) {
                throw new IllegalStateException("no frame of " + module + " in " + t);
            }
            System.out.println("lines " + module + " " + (lines ? "yes" : "no"));
        }
    }

    /** What a call that fails inside {@code module}'s own code throws. */
    private static Throwable throwIn(String module) throws ReflectiveOperationException {
        try {
            switch (module) {
                case "java.base" -> "x".substring(5);
                case "dev.jmosh.vt" -> Class.forName("dev.jmosh.vt.Framebuffer").getMethod("blank", int.class, int.class)
                        .invoke(null, -1, -1);
                default -> throw new IllegalArgumentException(module);
            }
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
        throw new IllegalStateException("nothing thrown in " + module);
    }
}
