// Parses an AsyncAPI document with the official parser and prints, as one JSON object on stdout, its diagnostics
// (severity 0 = error, 1 = warning) and, per channel, the address and the names of its messages.
// Exit code 1 when the document has errors. Usage: node parse-asyncapi.mjs <file>
import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await parser.parse(readFileSync(file, "utf8"), { source: file });
const result = {
  errors: diagnostics.filter(d => d.severity === 0).map(d => `${d.code}: ${d.message} at ${d.path.join(".")}`),
  warnings: diagnostics.filter(d => d.severity === 1).map(d => `${d.code}: ${d.message} at ${d.path.join(".")}`),
  channels: {},
};
if (document) {
  for (const channel of document.channels().all()) {
    result.channels[channel.id()] = {
      address: channel.address(),
      messages: channel.messages().all().map(m => m.name()),
    };
  }
}
console.log(JSON.stringify(result));
process.exit(result.errors.length > 0 || !document ? 1 : 0);
