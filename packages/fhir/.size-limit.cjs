module.exports = require("../../scripts/size-budgets.cjs").sizeBudgets("@selfmanage/fhir", {
  ownCode: "23 kB",
  dependencies: ["@selfmanage/core", "@selfmanage/goals", "@selfmanage/recovery", "@selfmanage/signposting"],
  consumer: { "*": "83 kB", "{ goalToFhir }": "53 kB", "{ fromFhir }": "73 kB" },
});
