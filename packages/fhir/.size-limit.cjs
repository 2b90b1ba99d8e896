module.exports = require("../../scripts/size-budgets.cjs").sizeBudgets("@selfmanage/fhir", {
  ownCode: "25 kB",
  dependencies: ["@selfmanage/core", "@selfmanage/goals", "@selfmanage/recovery", "@selfmanage/signposting"],
  consumer: { "*": "84 kB", "{ goalToFhir }": "53 kB", "{ fromFhir }": "74 kB" },
});
