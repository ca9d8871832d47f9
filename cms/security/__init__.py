"""The project's defences that no single app owns: login throttling and page-password throttling."""
