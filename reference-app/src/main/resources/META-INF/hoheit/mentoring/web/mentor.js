// Smoffen web console: the mentor's pages. Not built yet.
"use strict";

addText({
  de: {
  },
  en: {
  }
});
