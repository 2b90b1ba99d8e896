module.exports = require("../../scripts/size-budgets.cjs").sizeBudgets("@selfmanage/core", { ownCode: "10 kB", consumer: { "*": "39 kB", "{ safeParseResult, Provenance }": "37 kB" } });
