/** Stylesheets imported for their side effect; esbuild bundles them into the panel's index.css. */
declare module '*.css';
