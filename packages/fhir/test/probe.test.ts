import { it } from "vitest";
import { fhirProblems } from "./validators";
import { goalToFhir } from "../src/goal";
import { walkingGoal } from "../../goals/test/fixtures";
it("probe", () => {
  const resources = goalToFhir(walkingGoal);
  for (const r of resources) console.log(r.resourceType, JSON.stringify(fhirProblems(r), null, 1));
  console.log(JSON.stringify(resources[0]).slice(0, 3000));
});
