/** Icons of the file screens: here rather than in icons.tsx, so they load with those screens. */
import type { ReactNode } from 'react';
import { type IconProps as P, SvgIcon } from './svg-icon';

const Svg = (props: P & { children: ReactNode }) => <SvgIcon size={20} {...props} />;

export const CameraIcon = (p: P) => (
  <Svg {...p}>
    <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
    <circle cx="12" cy="13" r="3.5" />
  </Svg>
);
export const DownloadIcon = (p: P) => (
  <Svg {...p}>
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </Svg>
);
export const UploadIcon = (p: P) => (
  <Svg {...p}>
    <path d="M12 20V9M7 14l5-5 5 5M5 4h14" />
  </Svg>
);
