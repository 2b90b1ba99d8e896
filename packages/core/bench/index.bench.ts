// The cost of turning zod's result into plain-English issues: safeParseResult against zod's own
// safeParse on the same records, valid and invalid, measured side by side.
import { runBenchmarks } from "@selfmanage/test-kit/bench";
import { Provenance, safeParseResult } from "../src/index";

const roles = ["person", "carer", "practitioner", "peer-worker", "volunteer", "manager"] as const;
const valid = Array.from({ length: 20_000 }, (_, index) => ({
  recordedBy: `recorder-${index}`,
  role: roles[index % roles.length],
  recordedAt: `2026-03-${String((index % 28) + 1).padStart(2, "0")}T10:00:00+00:00`,
}));
const invalid = valid.map((record, index) => ({ ...record, role: "nurse", recordedAt: "yesterday", [`extra${index % 3}`]: true }));

runBenchmarks("@selfmanage/core", [
  {
    name: "validate 20,000 valid provenance records",
    baseline: { name: "zod safeParse", run: () => valid.map((record) => Provenance.safeParse(record).success) },
    candidate: { name: "safeParseResult", run: () => valid.map((record) => safeParseResult(Provenance, record).ok) },
    target: { maxRatio: 1.5 },
  },
  {
    name: "validate 20,000 invalid provenance records",
    baseline: { name: "zod safeParse + zod messages", run: () => invalid.map((record) => Provenance.safeParse(record).error?.issues.map((found) => found.message)) },
    candidate: { name: "safeParseResult with plain-English issues", run: () => invalid.map((record) => safeParseResult(Provenance, record)) },
    target: { maxRatio: 2 },
  },
]);
