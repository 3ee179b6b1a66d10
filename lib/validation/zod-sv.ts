import { z } from "zod";

// zod's own messages are English. Every schema of the app words its messages itself; this is
// the Swedish fallback for the rest (a hostile or broken form: an array where a text belongs, a
// missing hidden field), so no English ever reaches a user. Imported by form-data.ts, which every
// server action uses.

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined ? "Uppgiften saknas." : "Uppgiften har fel form.";
      case "too_big":
        return "Uppgiften är för lång eller för stor.";
      case "too_small":
        return "Uppgiften är för kort eller för liten.";
      case "invalid_value":
        return "Välj ett av de värden som finns.";
      case "invalid_format":
        return "Uppgiften har fel format.";
      case "unrecognized_keys":
        return "Formuläret innehåller okända uppgifter.";
      default:
        return "Uppgiften är ogiltig.";
    }
  },
});
