// Starts Swagger UI on the API's own OpenAPI document; served from this server, never a CDN.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: true,
  });
});
