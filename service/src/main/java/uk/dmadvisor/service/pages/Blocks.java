package uk.dmadvisor.service.pages;

import java.util.List;

/**
 * What the pages show of an answer, as a small tree the templates render recursively ({@code fragments/blocks}).
 * Each block names its kind, which selects its fragment.
 */
public final class Blocks {

    private Blocks() {
    }

    public interface Block {
        String kind();
    }

    /** A page section: a heading and what it holds. */
    public record Section(String id, String title, String intro, List<Block> blocks) {
    }

    public record Text(String text) implements Block {
        public String kind() {
            return "text";
        }
    }

    /** A code such as an outcome; {@code tone} is favourable, unfavourable, warning or neutral. */
    public record Tag(String text, String tone) implements Block {
        public String kind() {
            return "tag";
        }
    }

    /** Short values, each linked when it has an href. */
    public record Values(List<Link> values) implements Block {
        public String kind() {
            return "values";
        }
    }

    public record Link(String text, String href) {
    }

    public record Field(String label, List<Block> value) {
    }

    public record Fields(List<Field> fields) implements Block {
        public String kind() {
            return "fields";
        }
    }

    /** A cited reason, step, action, condition or finding. */
    public record Reason(String ruleId, String href, String heading, List<Tag> tags, String text, String citation,
                  String basis, List<Field> extra) {
    }

    public record Reasons(List<Reason> reasons) implements Block {
        public String kind() {
            return "reasons";
        }
    }

    public record Decision(String decision, Tag outcome, List<Reason> reasons) {
    }

    public record Decisions(List<Decision> decisions) implements Block {
        public String kind() {
            return "decisions";
        }
    }

    public record Table(String caption, List<String> headers, List<List<Block>> rows) implements Block {
        public String kind() {
            return "table";
        }
    }

    /** Records shown one after another, each under its own heading (for example each change or site). */
    public record Item(String heading, String anchor, List<Block> content) {
    }

    public record Items(List<Item> items, boolean collapsible) implements Block {
        public String kind() {
            return "items";
        }
    }
}
