//! Entry point: mount the widget into every marked element of the page.

fn main() {
    partnership_readiness::mount::mount_all();
}
