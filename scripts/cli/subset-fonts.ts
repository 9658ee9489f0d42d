// `npm run fonts` (and before every build): cuts the self-hosted Arabic font down to the code
// points the pages use (scripts/shared/font-subset.ts) into generated/fonts/, which app/fonts.ts loads.
import path from "node:path";
import { writeSubsetFonts } from "../shared/font-subset";

writeSubsetFonts()
  .then((fonts) => {
    for (const { weight, file, sourceBytes, subsetBytes } of fonts) {
      const percent = ((100 * subsetBytes) / sourceBytes).toFixed(0);
      console.log(
        `font ${weight}: ${sourceBytes} → ${subsetBytes} bytes (${percent}%) ${path.relative(process.cwd(), file)}`,
      );
    }
  })
  .catch((error: Error) => {
    console.error(`font subsetting failed: ${error.message}`);
    process.exit(1);
  });
