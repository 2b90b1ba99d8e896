module.exports = require("../../scripts/size-budgets.cjs").sizeBudgets("@selfmanage/core", { ownCode: "5 kB", consumer: { "*": "36 kB", "{ safeParseResult, Provenance }": "35 kB" } });
