module.exports = require("../../scripts/size-budgets.cjs").sizeBudgets("@selfmanage/fhir", {
  ownCode: "25 kB",
  dependencies: ["@selfmanage/core", "@selfmanage/goals", "@selfmanage/recovery", "@selfmanage/signposting"],
  consumer: { "*": "88 kB", "{ goalToFhir }": "53 kB", "{ fromFhir }": "78 kB" },
});
