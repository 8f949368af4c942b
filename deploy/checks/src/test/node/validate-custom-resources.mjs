// Validates custom resources against the OpenAPI v3 schemas of their operators' CRDs (Strimzi, CloudNativePG,
// Prometheus operator), as compiled into validators by the pinned @kubernetes-models packages (package-lock.json).
// Reads a JSON array of objects on stdin; prints one line per object ("ok <kind>/<name>" or "invalid ...: <errors>")
// and exits 1 when any object is invalid or of a kind no validator knows.
import { readFileSync } from "node:fs";

const packages = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};
const objects = JSON.parse(readFileSync(0, "utf8"));
let failed = 0;
for (const object of objects) {
  const [group, version] = object.apiVersion.split("/");
  const label = `${object.apiVersion} ${object.kind}/${object.metadata?.name}`;
  const pkg = packages[group];
  if (!pkg) {
    console.log(`invalid ${label}: no CRD schema for group ${group}`);
    failed++;
    continue;
  }
  let Model;
  try {
    Model = (await import(`${pkg}/${group}/${version}/${object.kind}`))[object.kind];
  } catch (e) {
    console.log(`invalid ${label}: the operator's CRDs have no ${object.kind} in ${object.apiVersion}`);
    failed++;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`ok ${label}`);
  } catch (e) {
    console.log(`invalid ${label}: ${String(e.message).replace(/\s+/g, " ")}`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
