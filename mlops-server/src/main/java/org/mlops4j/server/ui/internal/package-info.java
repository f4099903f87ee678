/**
 * The pages, the router and the HTML and SVG building of the tracking UI. Internal: not for public use.
 */
package org.mlops4j.server.ui.internal;
