package dev.closer.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads every file with a suffix from a directory on disk or on the classpath (exploded or in a
 * jar), so the schema files and profiles ship inside the jar and can be overridden by a folder.
 */
public final class Resources {

    private Resources() {
    }

    public static Map<String, String> readDirectory(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, String> out = new TreeMap<>();
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(suffix) && Files.isRegularFile(p)) {
                    out.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    public static Map<String, String> readClasspath(String folder, String suffix) {
        URL url = Resources.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("classpath folder missing: " + folder);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // A plain JarFile scan: cheaper at start-up than mounting a zip file system.
                String spec = uri.getSchemeSpecificPart();
                Path jar = Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
                Map<String, String> out = new TreeMap<>();
                try (JarFile jf = new JarFile(jar.toFile())) {
                    var entries = jf.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        String name = e.getName();
                        if (name.startsWith(folder + "/") && name.endsWith(suffix) && name.indexOf('/', folder.length() + 1) < 0) {
                            try (var in = jf.getInputStream(e)) {
                                out.put(name.substring(folder.length() + 1), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
                return out;
            }
            return readDirectory(Path.of(uri), suffix);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list classpath folder " + folder, e);
        }
    }

    /** One text resource from the class path (UTF-8). */
    public static String readText(String path) {
        try (var in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
