//! Deleting replaced files off the build's path: on a file system mounted
//! with `discard` (ext4 here), deleting a file waits until the disk has
//! trimmed its blocks, tens of milliseconds for a large export, and a
//! rebuild replaces a dozen files.

use std::fs;
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread::JoinHandle;

/// What is thrown away: a file to delete, or the last handle of a file
/// already unlinked, whose blocks are freed when it closes.
#[derive(Debug)]
pub enum Rubbish {
    File(PathBuf),
    Handle(fs::File),
}

impl Rubbish {
    /// Deletes or closes it; a file that cannot be deleted is named.
    fn dispose(self) {
        match self {
            Rubbish::File(path) => {
                if let Err(e) = fs::remove_file(&path) {
                    eprintln!("{}: a replaced file was left here: {e}", path.display());
                }
            }
            Rubbish::Handle(file) => drop(file),
        }
    }
}

/// Where replaced files go: deleted at once ([`Trash::now`]), or on a
/// thread of their own ([`Trash::background`]) that dropping the trash
/// waits for, so that nothing is left behind when a build ends.
#[derive(Debug)]
pub struct Trash {
    sender: Option<mpsc::Sender<Rubbish>>,
    worker: Option<JoinHandle<()>>,
}

impl Trash {
    pub fn now() -> Trash {
        Trash {
            sender: None,
            worker: None,
        }
    }

    pub fn background() -> Trash {
        let (sender, receiver) = mpsc::channel::<Rubbish>();
        let worker = std::thread::spawn(move || receiver.into_iter().for_each(Rubbish::dispose));
        Trash {
            sender: Some(sender),
            worker: Some(worker),
        }
    }

    pub fn throw(&self, rubbish: Rubbish) {
        match &self.sender {
            Some(sender) => {
                // The worker is gone only if it panicked: dispose of it here.
                if let Err(mpsc::SendError(rubbish)) = sender.send(rubbish) {
                    rubbish.dispose();
                }
            }
            None => rubbish.dispose(),
        }
    }
}

impl Drop for Trash {
    /// Waits until everything thrown is deleted: on every path out of a
    /// build, an early return or an error included.
    fn drop(&mut self) {
        self.sender = None;
        if let Some(worker) = self.worker.take()
            && worker.join().is_err()
        {
            eprintln!("some replaced files may have been left in the site folder");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thrown_files_are_gone_once_the_trash_is_emptied() {
        let dir = crate::scratch_dir("trash");
        let paths: Vec<PathBuf> = (0..20).map(|i| dir.join(format!("f{i}"))).collect();
        for p in &paths {
            fs::write(p, b"old").expect("written");
        }
        for trash in [Trash::now(), Trash::background()] {
            for p in &paths {
                trash.throw(Rubbish::File(p.clone()));
            }
            drop(trash);
            assert!(paths.iter().all(|p| !p.exists()));
            for p in &paths {
                fs::write(p, b"again").expect("written");
            }
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
