package uk.dmadvisor.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ModelGateTest {

    @Test
    void everyProductModelPassesTheGate() {
        List<ClasspathModels.RawFile> files = ClasspathModels.read(DecisionModels.DEFAULT_PATTERN);
        assertThat(files).isNotEmpty();
        Map<String, byte[]> catalogues = ClasspathModels.read("classpath*:models/*.questions.yaml").stream()
                .collect(Collectors.toMap(ClasspathModels.RawFile::fileName, ClasspathModels.RawFile::content));
        for (ClasspathModels.RawFile file : files) {
            byte[] questions = catalogues.get(file.fileName().replaceFirst("\\.dmn$", ".questions.yaml"));
            assertThat(ModelGate.check(file.fileName(), file.content(), questions))
                    .as("gate findings for %s", file.fileName())
                    .isEmpty();
        }
    }
}
