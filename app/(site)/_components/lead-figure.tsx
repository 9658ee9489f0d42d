import type { LeadImage } from "@/lib/articles/reads";
import { ResponsiveImg } from "./responsive-img";

/**
 * The lead photo with its caption and credit. An imported article may carry the caption of a
 * photo whose file did not come with it: the caption then stands on its own, under a plain band.
 */
export function LeadFigure({ image }: { image: LeadImage }) {
  const direction = image.captionLang === "ar" ? "rtl" : "ltr";
  return (
    <figure className="lead-figure">
      {image.url ? (
        <ResponsiveImg
          src={image.url}
          alt={image.alt}
          className="lead-image"
          sizes="(min-width: 46rem) 42rem, 100vw"
          eager
        />
      ) : (
        <div className="lead-image-missing" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="32" height="32" focusable="false">
            <path
              fill="currentColor"
              d="M9 3 7.2 5H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"
            />
          </svg>
        </div>
      )}
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption ? (
            <span className="caption" lang={image.captionLang} dir={direction}>
              {image.caption}
            </span>
          ) : null}
          {image.credit ? (
            <span className="credit">
              <span className="credit-label">حقوق الصورة: </span>
              <bdi lang={image.captionLang}>{image.credit}</bdi>
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
