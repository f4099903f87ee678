package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveSpecialCharactersInText() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
                Html.escape("<script>alert(\"x\" & 'y')</script>"));
        assertEquals("plain text", Html.escape("plain text"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void replacesControlCharactersThatNeitherHtmlNorXmlAllowButKeepsLineBreaksAndTabs() {
        assertEquals("a b\tc\nd\re", Html.escape("a\u0001b\tc\nd\re"));
        assertEquals("<p>x y</p>", new Html().element("p", "x\u001by").toString());
    }

    @Test
    void escapesAttributeValuesSoTheyCannotCloseTheQuote() {
        String html = new Html().element("a", "<b>", "href", "/runs/\"><script>", "title", "it's").toString();
        assertEquals("<a href=\"/runs/&quot;&gt;&lt;script&gt;\" title=\"it&#39;s\">&lt;b&gt;</a>", html);
    }

    @Test
    void leavesOutNullAttributesAndWritesEmptyOnesBare() {
        assertEquals("<iframe sandbox src=\"/a\"></iframe>",
                new Html().open("iframe", "class", null, "sandbox", "", "src", "/a").close("iframe").toString());
    }

    @Test
    void rejectsEventHandlerAttributesAndTagNamesThatAreNotPlainWords() {
        assertThrows(IllegalArgumentException.class, () -> new Html().open("a", "onclick", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Html().open("a href=x"));
        assertThrows(IllegalArgumentException.class, () -> new Html().open("a", "href"));
    }

    @Test
    void checksThatClosingTagsMatchAndEverythingIsClosed() {
        assertThrows(IllegalStateException.class, () -> new Html().open("div").close("span"));
        assertThrows(IllegalStateException.class, () -> new Html().open("div").toString());
        assertEquals("<input type=\"checkbox\">", new Html().empty("input", "type", "checkbox").toString());
        assertEquals("<circle r=\"3\"></circle>", new Html().empty("circle", "r", "3").toString());
    }
}
