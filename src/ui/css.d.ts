/** CSS files are bundled as text (esbuild `loader: { '.css': 'text' }`) for the overlay's shadow root. */
declare module '*.css' {
  const css: string;
  export default css;
}
