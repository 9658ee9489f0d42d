import { responsiveImage } from "@/lib/media/urls";

interface Props {
  src: string;
  alt: string;
  /** The CSS width the image takes, so the browser picks the smallest sufficient copy. */
  sizes: string;
  className?: string;
  eager?: boolean;
}

/** An image; when it is one of our uploads, with its WebP copies and its size (no layout shift). */
export function ResponsiveImg({ src, alt, sizes, className, eager = false }: Props) {
  const responsive = responsiveImage(src);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- our own srcset of the stored WebP widths (lib/media/urls.ts), no image optimizer
    <img
      src={src}
      srcSet={responsive?.srcSet}
      sizes={responsive ? sizes : undefined}
      width={responsive?.width}
      height={responsive?.height}
      alt={alt}
      className={className}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
    />
  );
}
