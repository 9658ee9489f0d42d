/** Widths of the responsive WebP copies made of each upload (for `srcset`). */
export const RESPONSIVE_WIDTHS = [480, 960, 1600] as const;
