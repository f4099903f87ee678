/**
 * MLflow's REST API 2.0 over any mlops4j store: {@link org.mlops4j.server.rest.TrackingServer} serves the calls of
 * MLflow's tracking and registry clients and the tracking UI on one hardened server.
 */
package org.mlops4j.server.rest;
