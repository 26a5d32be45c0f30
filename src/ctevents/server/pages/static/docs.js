// Swagger UI on this server's own OpenAPI document; its assets come from this server too.
"use strict";
window.addEventListener("load", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: root.dataset.spec, domNode: root, deepLinking: true });
});
