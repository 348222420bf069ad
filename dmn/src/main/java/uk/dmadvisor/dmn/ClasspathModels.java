package uk.dmadvisor.dmn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Finds model files on the classpath by pattern, e.g. {@code classpath*:models/*.dmn}. */
public final class ClasspathModels {

    private ClasspathModels() {
    }

    public record RawFile(String fileName, byte[] content) {
    }

    public static List<RawFile> read(String pattern) {
        try {
            List<RawFile> files = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    files.add(new RawFile(resource.getFilename(), in.readAllBytes()));
                }
            }
            files.sort(Comparator.comparing(RawFile::fileName));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read model files " + pattern, e);
        }
    }
}
