// Smoffen web console: the auditor's pages. Not built yet.
"use strict";

addText({
  de: {
  },
  en: {
  }
});
