package io.fieldsales.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.domain.Address;
import io.fieldsales.customer.domain.CustomerDetails;
import io.fieldsales.platform.errors.FieldError;
import io.fieldsales.platform.errors.ProblemException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads import files into rows. NDJSON: one JSON object per line with the fields of a create request. CSV (RFC
 * 4180, with a header): columns {@code name, email, phone, externalRef, addressLine1, addressLine2, city,
 * postalCode, country, tags} (tags separated by {@code |}); header names are case-insensitive, unknown columns
 * are an error. A row that cannot be read is an invalid row, never the end of the import.
 */
public final class ImportFileParser {

    private static final Set<String> CSV_COLUMNS = Set.of("name", "email", "phone", "externalref", "addressline1",
            "addressline2", "city", "postalcode", "country", "tags");

    private ImportFileParser() {
    }

    public static List<ImportLine> ndjson(String body, ObjectMapper json, int maxRows) {
        List<ImportLine> lines = new ArrayList<>();
        int row = 0;
        for (String line : body.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            row++;
            checkRows(row, maxRows);
            try {
                JsonNode node = json.readTree(line);
                if (node == null || !node.isObject()) {
                    lines.add(invalid(row, "row", "must be a JSON object"));
                } else {
                    lines.add(new ImportLine(row, details(node), List.of()));
                }
            } catch (JsonProcessingException e) {
                lines.add(invalid(row, "row", "is not valid JSON"));
            } catch (IllegalArgumentException e) {
                lines.add(invalid(row, "row", e.getMessage()));
            }
        }
        return lines;
    }

    public static List<ImportLine> csv(String body, int maxRows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Map<String, Integer> header = new TreeMap<>();
            for (Map.Entry<String, Integer> h : parser.getHeaderMap().entrySet()) {
                String name = h.getKey().strip().toLowerCase(Locale.ROOT);
                if (!CSV_COLUMNS.contains(name)) {
                    throw ProblemException.validation("header", "unknown column '" + h.getKey().strip()
                            + "'; expected some of name, email, phone, externalRef, addressLine1, addressLine2, city,"
                            + " postalCode, country, tags");
                }
                header.put(name, h.getValue());
            }
            if (!header.containsKey("name")) {
                throw ProblemException.validation("header", "a 'name' column is required");
            }
            List<ImportLine> lines = new ArrayList<>();
            int row = 0;
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    lines.add(invalid(row + 1, "row", "is not valid CSV (check its quotes and separators)"));
                    break;
                }
                row++;
                checkRows(row, maxRows);
                if (record.size() != header.size()) {
                    lines.add(invalid(row, "row", "has " + record.size() + " columns, the header has " + header.size()));
                    continue;
                }
                List<String> addressLines = new ArrayList<>();
                for (String col : List.of("addressline1", "addressline2")) {
                    String v = cell(record, header, col);
                    if (v != null) {
                        addressLines.add(v);
                    }
                }
                String tags = cell(record, header, "tags");
                lines.add(new ImportLine(row, new CustomerDetails(cell(record, header, "name"),
                        cell(record, header, "email"), cell(record, header, "phone"),
                        cell(record, header, "externalref"),
                        new Address(addressLines, cell(record, header, "city"), cell(record, header, "postalcode"),
                                cell(record, header, "country")),
                        tags == null ? List.of() : Arrays.asList(tags.split("\\|"))), List.of()));
            }
            return lines;
        } catch (IOException e) {
            throw ProblemException.validation("body", "is not valid CSV");
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw ProblemException.validation("body", "is not valid CSV (check its quotes and separators)");
        }
    }

    private static void checkRows(int row, int maxRows) {
        if (row > maxRows) {
            throw new ProblemException(413, "payload_too_large", "Payload too large",
                    "An import holds at most " + maxRows + " rows; split the file", List.of())
                    .with("maxRows", maxRows);
        }
    }

    private static String cell(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            return null;
        }
        String v = record.get(index);
        return v == null || v.isEmpty() ? null : v;
    }

    private static CustomerDetails details(JsonNode node) {
        Address address = null;
        JsonNode a = node.get("address");
        if (a != null && a.isObject()) {
            address = new Address(strings(a.get("lines")), text(a, "city"), text(a, "postalCode"), text(a, "country"));
        }
        return new CustomerDetails(text(node, "name"), text(node, "email"), text(node, "phone"),
                text(node, "externalRef"), address, strings(node.get("tags")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.textValue();
    }

    private static List<String> strings(JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("tags and address.lines must be arrays of strings");
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.isTextual() ? e.textValue() : e.toString()));
        return out;
    }

    private static ImportLine invalid(int row, String field, String message) {
        return new ImportLine(row, null, List.of(new FieldError(field, message)));
    }
}
