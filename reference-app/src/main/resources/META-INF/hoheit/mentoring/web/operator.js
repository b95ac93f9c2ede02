// Smoffen web console: the operator's pages. Not built yet.
"use strict";

addText({
  de: {
  },
  en: {
  }
});
