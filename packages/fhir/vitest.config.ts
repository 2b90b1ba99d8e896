import { defineConfig, mergeConfig } from "vitest/config";
import { vitestPreset } from "../../vitest.shared";

// The FHIR validators take a while to set up (see @selfmanage/test-kit/fhir), so the test files
// share their workers instead of each starting afresh; the tests keep no state of their own.
export default mergeConfig(vitestPreset(), defineConfig({ test: { isolate: false } }));
