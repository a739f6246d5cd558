//! Release builds embed the web app: rebuild when it was rebuilt.
fn main() {
    println!("cargo:rerun-if-changed=frontend/dist");
}
