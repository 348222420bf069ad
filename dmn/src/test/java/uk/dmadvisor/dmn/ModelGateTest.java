package uk.dmadvisor.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModelGateTest {

    @Test
    void everyProductModelPassesTheGate() {
        List<ClasspathModels.RawFile> files = ClasspathModels.read(DecisionModels.DEFAULT_PATTERN);
        assertThat(files).isNotEmpty();
        for (ClasspathModels.RawFile file : files) {
            assertThat(ModelGate.check(file.fileName(), file.content()))
                    .as("gate findings for %s", file.fileName())
                    .isEmpty();
        }
    }
}
