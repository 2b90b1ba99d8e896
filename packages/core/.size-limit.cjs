module.exports = require("../../scripts/size-budgets.cjs").sizeBudgets("@selfmanage/core", { ownCode: "5 kB", consumer: { "*": "30 kB", "{ safeParseResult, Provenance }": "29 kB" } });
