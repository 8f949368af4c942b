package io.fieldsales.customer.domain;

/** Rules every free-text field of a customer follows. */
public final class TextRules {

    private TextRules() {
    }

    /**
     * Whether the text holds a control character (C0/C1, including tab and line breaks) or a Unicode line or
     * paragraph separator: none belongs in a name, a contact or an address line, and they break CSV exports,
     * logs and receipts.
     */
    public static boolean hasControlCharacters(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return true;
            }
        }
        return false;
    }

    /** Length in Unicode code points (what a person counts as characters, emoji included). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
