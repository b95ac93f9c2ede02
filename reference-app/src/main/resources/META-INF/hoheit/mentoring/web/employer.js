// Smoffen web console: the employer's pages. Not built yet.
"use strict";

addText({
  de: {
  },
  en: {
  }
});
