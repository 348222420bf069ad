package uk.dmadvisor.service.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The report as PDF: the same report template the answer page shows, with the print stylesheet, rendered on the
 * server by openhtmltopdf. jsoup turns the HTML5 output into the well-formed document the renderer reads.
 */
@Component
class ReportPdf {

    static final String PRINT_CSS = "static/css/print.css";

    private final TemplateEngine templates;
    private final String printCss;

    ReportPdf(TemplateEngine templates) {
        this.templates = templates;
        try (InputStream in = new ClassPathResource(PRINT_CSS).getInputStream()) {
            this.printCss = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The print stylesheet is missing", e);
        }
    }

    /** Renders the report; {@code baseUri} makes the report's links (rule ids, catalogue) absolute. */
    byte[] render(Map<String, Object> model, String baseUri) {
        Context context = new Context();
        context.setVariables(model);
        context.setVariable("printCss", printCss);
        String html = templates.process("report/pdf", context);
        org.jsoup.nodes.Document parsed = Jsoup.parse(html, baseUri);
        parsed.select("details").tagName("div");
        parsed.select("summary").tagName("p");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(parsed), baseUri);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF report could not be rendered", e);
        }
        return out.toByteArray();
    }
}
