"""The frame every public page shares: navigation, footer, page tools, site map, robots.txt, share codes."""
