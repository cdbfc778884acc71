/**
 * The whole loop against a broker that requires SASL/SCRAM over TLS and a registry behind a TLS and basic-auth
 * gateway, configured through the applications' normal client settings only.
 */
package io.streamtune.systemtests.security;
